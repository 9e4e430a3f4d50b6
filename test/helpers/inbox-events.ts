import type { NewEvent } from '../../src/store/inbox.js';

/** A Jira webhook event as the route hands it to the inbox: number n, ticket SHOP-n. */
export const inboxEvent = (n: number, extra: Partial<NewEvent> = {}): NewEvent => ({
  kind: 'jira-issue',
  deliveryId: `d-${n}`,
  identity: `jira:issue_updated:${n}:1795430590000`,
  ticketKey: `SHOP-${n}`,
  payload: { webhookEvent: 'jira:issue_updated', n },
  ...extra,
});
