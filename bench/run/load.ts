// HTTP load with autocannon; every response time is kept so percentiles are exact.
import autocannon from 'autocannon';
import { type LatencySummary, summarize } from '../lib/stats.ts';

export interface NextRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** seconds */
  duration: number;
  /** stop after this many responses, if reached before `duration` */
  amount?: number;
  /** requests per second across all connections (open loop); none means as fast as possible */
  overallRate?: number;
  next: () => NextRequest;
  /** called with each response body (e.g. to collect created ids) */
  onBody?: (status: number, body: string) => void;
}

export interface LoadResult {
  latency: LatencySummary;
  /** responses per second, 2xx only */
  throughput: number;
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  statusCodes: Record<string, number>;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let ok = 0;
  let non2xx = 0;
  const started = performance.now();
  let finish: (r: autocannon.Result) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: opts.url,
      connections: opts.connections,
      duration: opts.duration,
      ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
      timeout: 30,
      requests: [
        {
          setupRequest: (req) => {
            const n = opts.next();
            return { ...req, method: n.method ?? 'GET', path: n.path, headers: n.headers, body: n.body };
          },
          ...(opts.onBody
            ? { onResponse: (status: number, body: string) => opts.onBody!(status, body) }
            : {}),
        },
      ],
    },
    (err, result) => (err ? fail(err) : finish(result)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) ok++;
    else non2xx++;
    if (opts.amount && latencies.length >= opts.amount) instance.stop();
  });
  const result = await finished;
  const seconds = (performance.now() - started) / 1000;
  return {
    latency: summarize(latencies),
    throughput: ok / seconds,
    ok,
    non2xx,
    errors: result.errors,
    seconds,
    statusCodes,
  };
}
