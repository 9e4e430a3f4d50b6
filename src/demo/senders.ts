import { createHmac } from 'node:crypto';
import { DEMO_SECRETS } from './backlog.js';
import type { SlackStandIn } from './stand-ins/slack-web.js';

/** Slack waits this long for an acknowledgement, then shows the person an error and drops the answer. */
export const SLACK_ACK_WINDOW_MS = 3_000;

export interface Acknowledged {
  status: number;
  /** The ack's body: a command's instant answer, or a view_submission's response_action. */
  body: string;
  /** How long Centric took to acknowledge. */
  ms: number;
}

export interface ButtonPress {
  user: { id: string; name: string };
  actionId: string;
  value: string;
  /** Where the button sits: a message (with a response_url) or App Home (without). */
  container: { type: 'message'; channel_id: string; message_ts: string } | { type: 'view'; view_id: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signed requests as Jira and Slack send them, held to Slack's 3-second acknowledgement window. */
export function senders(demo: { base: string; slack: SlackStandIn }) {
  let delivery = 0;
  let responses = 0;
  const slackPost = async (body: string, contentType: string): Promise<Acknowledged> => {
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = `v0=${createHmac('sha256', DEMO_SECRETS.SLACK_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const started = Date.now();
    try {
      const res = await fetch(`${demo.base}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, 'x-slack-request-timestamp': ts, 'x-slack-signature': signature }, body, signal: AbortSignal.timeout(SLACK_ACK_WINDOW_MS) });
      return { status: res.status, body: await res.text(), ms: Date.now() - started };
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') throw new Error(`Centric did not acknowledge within ${SLACK_ACK_WINDOW_MS / 1000} s: Slack would show the person an error and drop the answer`);
      throw err;
    }
  };
  const interaction = async (payload: Record<string, unknown>): Promise<Acknowledged> => {
    const acked = await slackPost(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    // A submission acknowledged without errors (or with "clear") closes the modal, as in Slack.
    const view = payload.view as { id?: string } | undefined;
    if (payload.type === 'view_submission' && acked.status === 200 && view?.id && !/"response_action":"(errors|update|push)"/.test(acked.body)) demo.slack.closeView(view.id);
    return acked;
  };
  return {
    webhook(body: unknown, id = `demo-${++delivery}`) {
      const raw = JSON.stringify(body);
      const signature = `sha256=${createHmac('sha256', DEMO_SECRETS.JIRA_WEBHOOK_SECRET).update(raw).digest('hex')}`;
      return fetch(`${demo.base}/jira/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': signature, 'x-atlassian-webhook-identifier': id }, body: raw });
    },
    /** A /centric command; resolves to what the user sees (the ack's answer or the response_url post). */
    async command(text: string, userId: string, channelId: string): Promise<string> {
      const path = `/respond/command-${++responses}`;
      const form = new URLSearchParams({ token: 'x', team_id: 'T0DEMO', channel_id: channelId, channel_name: 'demo', user_id: userId, user_name: userId, command: '/centric', text, api_app_id: 'A0CENTRIC', response_url: `${demo.slack.url}${path}`, trigger_id: demo.slack.trigger(userId) });
      const acked = await slackPost(form.toString(), 'application/x-www-form-urlencoded');
      if (acked.status !== 200) throw new Error(`Slack command answered HTTP ${acked.status}`);
      if (acked.body) {
        const json = JSON.parse(acked.body) as { text?: string };
        if (json.text) return json.text;
      }
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const answer = demo.slack.responses.find((r) => r.path === path);
        if (answer) return answer.text;
        await sleep(25);
      }
      throw new Error(`no answer to "/centric ${text}" within 10 s`);
    },
    /** A button press, with a fresh trigger_id from the Slack stand-in. */
    press(button: ButtonPress): Promise<Acknowledged> {
      const inMessage = button.container.type === 'message';
      return interaction({
        type: 'block_actions',
        user: { id: button.user.id, username: button.user.name, name: button.user.name, team_id: 'T0DEMO' },
        team: { id: 'T0DEMO' },
        api_app_id: 'A0CENTRIC',
        token: 'x',
        trigger_id: demo.slack.trigger(button.user.id),
        container: button.container,
        ...(inMessage ? { response_url: `${demo.slack.url}/respond/button-${++responses}`, channel: { id: (button.container as { channel_id: string }).channel_id } } : { view: { id: (button.container as { view_id: string }).view_id } }),
        actions: [{ type: 'button', action_id: button.actionId, block_id: `b-${button.value}`, value: button.value, action_ts: String(Date.now() / 1000) }],
      });
    },
    /** Submits an open modal with these input values (block id -> text), as Slack builds the payload. */
    submit(viewId: string, values: Record<string, string>, user: { id: string; name: string }): Promise<Acknowledged> {
      return interaction(demo.slack.submission(viewId, values, user));
    },
    interaction,
  };
}
