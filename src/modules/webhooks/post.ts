import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './target';

/** What one attempt came to. */
export interface PostOutcome {
  /** the receiver's HTTP status; null when none came */
  status: number | null;
  /** the first 1 KiB of the answer, the redirect not followed, or why no answer came */
  detail: string | null;
}

/** How much of an answer is kept. */
const DETAIL_BYTES = 1024;

/** A lookup that answers the checked address whatever it is asked, so the connection goes where the check looked. */
function pinnedLookup(target: CheckedTarget): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as LookupFunction;
}

/**
 * POSTs `body` to a checked target, connecting to the checked address only (no second lookup a
 * rebinding name could answer differently), with TLS verified against the URL's host name. No
 * redirect is followed: a 3xx is an answer like any other non-2xx. Settles within `timeoutMs`.
 */
export function postWebhook(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostOutcome> {
  const { url } = target;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup: pinnedLookup(target),
        agent: false,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'gongyi-graph-webhooks/1',
        },
      },
      (response) => {
        const status = response.statusCode ?? null;
        const location = response.headers.location;
        const chunks: Buffer[] = [];
        let kept = 0;
        const finish = () => {
          const text = Buffer.concat(chunks).subarray(0, DETAIL_BYTES).toString('utf8');
          const redirected = status !== null && status >= 300 && status < 400 && location;
          settle({ status, detail: redirected ? `redirect to ${location} not followed` : text || null });
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          kept += chunk.length;
          if (kept >= DETAIL_BYTES) finish();
        });
        response.on('end', finish);
        response.on('error', finish);
      },
    );
    const timer = setTimeout(() => settle({ status: null, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    request.on('error', (error) => settle({ status: null, detail: error.message }));
    request.end(body);
  });
}
