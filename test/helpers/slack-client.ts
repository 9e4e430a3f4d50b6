import type { WebClient } from '@slack/web-api';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
}

/**
 * A WebClient that records the Web API calls Centric makes instead of sending them: each call's
 * arguments are exactly what Slack would get, so a test sees the whole body.
 */
export function recordingClient(): { client: WebClient; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const record = (method: string) => async (args: Record<string, unknown>) => {
    calls.push({ method, args });
    return { ok: true, channel: `D-${String(args.channel ?? '')}`, ts: `${1000 + calls.length}.000100` };
  };
  const client = {
    chat: { postMessage: record('chat.postMessage'), update: record('chat.update') },
    conversations: { join: record('conversations.join') },
    filesUploadV2: record('files.uploadV2'),
  };
  return { client: client as unknown as WebClient, calls };
}

/** A body as a snapshot file holds it: pretty JSON, so a diff shows the block that changed. */
export const snapshotOf = (body: unknown): string => `${JSON.stringify(body, null, 2)}\n`;
