// The days each customer places orders in a month: its fixed weekday, every week, every other
// week or once a month.

import type { Month } from "./calendar";
import { weekday } from "./calendar";
import type { Customer } from "./company-model";

export function orderDays(customer: Customer, month: Month): number[] {
  const all: number[] = [];
  for (let d = 0; d < month.days; d++) {
    if (weekday(month.firstDay + d) === customer.orderWeekday) all.push(month.firstDay + d);
  }
  if (customer.ordersPerMonth >= 4) return all;
  if (customer.ordersPerMonth === 2) return [all[0]!, all[2]!];
  return [all[1]!];
}
