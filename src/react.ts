/**
 * `express-dashboard-elements/react`: one React component per element, made with `@lit/react`
 * (`ExpressDashboard`, `ExpressBalance`, `ExpressTransactions`, ...). Importing it registers every
 * tag. `react` (18 or 19) is a peer dependency.
 *
 * Each component passes its props to the element as properties (objects such as `adapter` and
 * functions such as `describe` included, which React 18 would turn into attributes) and has an
 * `on<Event>` prop for each event the element fires (`onExpressError`,
 * `onExpressTransactionSelect`, ...), called with the event. The components and their event
 * props are generated from the elements' JSDoc (`scripts/frameworks.mjs`).
 */
export * from './frameworks/react.js';
