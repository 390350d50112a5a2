// Shared by the client-compatibility scripts: run cases one by one, never let one failure hide the others,
// and print one JSON line with every case's outcome for ClientCompatibilityIT to assert.
export const QUESTION = '股票几点开盘？';
export const CUT = '一直说下去 [cut]';      // the scripted upstream breaks this stream after its first tokens
export const SLOW = '慢慢想 [slow]';        // the scripted upstream keeps this request queued for seconds

export async function runCases(cases) {
  const results = {};
  for (const [name, fn] of Object.entries(cases)) {
    try {
      results[name] = await fn();
    } catch (e) {
      results[name] = { unexpected: String(e?.stack ?? e) };
    }
  }
  console.log(JSON.stringify(results));
}

/** Runs fn and reports whether and how it threw (the cases that must fail). */
export async function outcome(fn) {
  try {
    const value = await fn();
    return { thrown: false, value };
  } catch (e) {
    return { thrown: true, name: e?.constructor?.name ?? null, status: e?.status ?? null,
      code: e?.code ?? e?.error?.code ?? null, message: String(e?.message ?? e) };
  }
}
