// The store's discount limit (TerminalInfo.discount_limit_percent) against a line's discount in basis
// points: a line discount above the limit needs the discount_over_limit permission or a manager.
export const BASIS_POINTS_PER_PERCENT = 100;
