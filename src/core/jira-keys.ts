/**
 * Jira's keys as Centric accepts them, one pattern each for every entry point (CLI, /centric,
 * centric.yml, buttons): a project key ("SHOP") and a ticket key ("SHOP-12"), upper case.
 */
export const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;
export const TICKET_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;
