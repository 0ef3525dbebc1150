/** How /metrics is served (METRICS_ENABLED, METRICS_TOKEN, METRICS_OPERATION_NAMES). */
export interface MetricsOptions {
  /** false: no /metrics route (404) */
  enabled: boolean;
  /** when set, /metrics answers only requests with `Authorization: Bearer <token>` */
  token?: string;
  /** distinct operation names with series of their own; later ones count as `(other)` */
  operationNames: number;
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = { enabled: true, operationNames: 200 };
