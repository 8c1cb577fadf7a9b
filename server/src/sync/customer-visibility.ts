// Which customers a store's tills may see and attach (least privilege, issue 15): the store's own, or
// every customer when the chain shares them (chain_settings.share_customers, set through the admin API).
// One SQL condition for the pull and for ingest, so a till can attach exactly the customers it pulls.

/** SQL over `customers`: true for a customer the store in parameter `storeParam` (e.g. '$2') may see. */
export const visibleCustomer = (storeParam: string): string => `(store_id = ${storeParam} OR (SELECT share_customers FROM chain_settings))`;
