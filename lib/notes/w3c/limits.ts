/** How long a quote and its context may be, and how far a position may reach. Pure. */
export const EXACT_MAX = 2000;
export const CONTEXT_MAX = 500;
/** Far past any real block, and inside a 32-bit INTEGER column. */
export const POSITION_MAX = 10_000_000;
