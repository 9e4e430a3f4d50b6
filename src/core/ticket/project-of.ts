/** The project of an issue key: what comes before its last dash ("SHOP" of "SHOP-12"). */
export const projectOf = (key: string): string => key.slice(0, key.lastIndexOf('-'));
