// Public surface of @fulcrum/web for other packages (none at run time: the server serves dist/).
export { App, routes } from "./app";
