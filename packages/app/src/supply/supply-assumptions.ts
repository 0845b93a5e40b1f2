// What the supply engine needs and the data catalogue does not hold, each derived from the data by
// one rule named here (docs/supply-planning.md, "From the data to the problem"). Changing a rule is
// a planning decision, so they live together rather than inside the assembly code.

/** Yearly holding cost as a share of standard cost (capital, storage, obsolescence). */
export const HOLDING_RATE_PER_YEAR = 0.2;

/** Penalty per unit and period below the safety-stock target, as a share of standard cost. */
export const SAFETY_SHORTFALL_RATE = 0.1;

/**
 * Transport cost per unit on a lane, as a share of the mean standard cost of the finished goods the
 * plant makes; doubled when the DC lies in another region than the plant.
 */
export const TRANSPORT_RATE = 0.01;

/** Plants reach every DC within the period (monthly buckets, one continent). */
export const LANE_LEAD_TIME_PERIODS = 0;

/**
 * Unmet demand is lost in every segment (a shelf without the drink sells another), at the price plus
 * a goodwill that ranks the segments: at least what makes a lost unit dearer than in any segment
 * ranked after it, for every SKU, plus this share of the segment's own mean price. Short supply so
 * goes to the segments ranked first even where they pay less. (A backlog, however dear per month,
 * would let the optimiser delay the first segment to serve the others.)
 */
export const GOODWILL_RATE_PER_PRIORITY = 0.05;

/** Days between invoicing customers or receiving a subcontract/transport bill and the cash moving. */
export const RECEIVABLES_DAYS = 30;
export const PAYABLES_DAYS = 30;

/** Review period for safety stock: the plan is revised once per period. */
export const REVIEW_PERIODS = 1;
