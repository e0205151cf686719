// The container healthcheck: exit 0 when the URL (argument, else HEALTHCHECK_URL) answers 2xx within 3 s.
// One image runs the API, the worker and the sandbox; compose gives each role its own URL.
const url = process.argv[2] || process.env.HEALTHCHECK_URL;
fetch(url, { signal: AbortSignal.timeout(3000) }).then(
  (r) => process.exit(r.ok ? 0 : 1),
  () => process.exit(1),
);
