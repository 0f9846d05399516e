// What the workers of a neighbourhood team do in Keukentafel during a day, as a load: which
// screens, how often, and an open-loop schedule of when each screen action starts.
//
// The realistic rate, derived. A worker of a neighbourhood team has some 8–10 client contacts a
// day (home visits, phone calls, consultations). Around each contact they look the client up
// (search), open the client with plan and journal before and after it, and write a journal entry;
// between contacts they go back to Mijn dag and Mijn werk. Per worker per office day:
//   Mijn dag 12, Mijn werk 8, client search 10, client with plan and journal 30 (two to three
//   looks per contact plus colleagues' questions), journal entry 10 (one per contact), register a
//   resident 1 (Utrecht registers ~14,000 residents a year ≈ 56 a working day ≈ 0.25 per
//   worker; rounded up for walk-ins and phone calls taken for the team);
// a team leader also opens the team overview some 15 times a day. That is 71 screen actions in
// 7 office hours (25,200 s), one per 355 s. Use is not even over the day: the busiest hour (the
// morning, when journals are written up and visits prepared) carries about twice the mean, so the
// realistic rate is the peak hour: 2 × 71 / 25,200 ≈ one screen action per 177 s per worker,
// about 1.3 screen actions a second for 230 workers (about 2.9 HTTP requests a second, since
// the client screen asks four things at once). 5× is that times five.
import { mulberry32 } from '../../src/server/lib/seeded-random';

export const SCREENS = [
  'mijn dag',
  'mijn werk',
  'cliënt zoeken',
  'cliënt met plan en journaal',
  'contact toevoegen',
  'bewoner aanmelden',
  'teamoverzicht (teamleider)',
] as const;
export type Screen = (typeof SCREENS)[number];

/** Screen actions per worker per office day (see above). */
export const WORKER_DAY: Partial<Record<Screen, number>> = {
  'mijn dag': 12,
  'mijn werk': 8,
  'cliënt zoeken': 10,
  'cliënt met plan en journaal': 30,
  'contact toevoegen': 10,
  'bewoner aanmelden': 1,
};
/** What a team leader does on top of a worker's day. */
export const TEAM_LEADER_EXTRA: Partial<Record<Screen, number>> = { 'teamoverzicht (teamleider)': 15 };

export const OFFICE_SECONDS = 7 * 3600;
/** The busiest hour against the mean hour of the office day. */
export const PEAK_FACTOR = 2;

export interface Arrival {
  /** Scheduled start in ms after the start of the run. */
  at: number;
  worker: number;
  screen: Screen;
  /** A uniform number in [0, 1) to choose the action's target (a case, a client) with. */
  pick: number;
  /** The arrival's number in the schedule (unique within a run). */
  seq: number;
}

/** Screen actions a second of workers with these days, at the peak hour, times the multiplier. */
export function ratePerSecond(days: Partial<Record<Screen, number>>[], rateMultiplier: number): number {
  const perDay = days.reduce((sum, day) => sum + total(day), 0);
  return (rateMultiplier * PEAK_FACTOR * perDay) / OFFICE_SECONDS;
}

/**
 * Poisson arrivals at `ratePerSecond` over `durationSeconds`. Each arrival belongs to a worker in
 * proportion to the worker's day and is one of that worker's screens in proportion to how often
 * they use it: the merged stream of every worker's own Poisson stream.
 */
export function planArrivals(days: Partial<Record<Screen, number>>[], rate: number, durationSeconds: number, seed: number): Arrival[] {
  const random = mulberry32(seed);
  const arrivals: Arrival[] = [];
  const workerWeights = days.map(total);
  let at = 0;
  for (;;) {
    at += (-Math.log(1 - random()) / rate) * 1000;
    if (at >= durationSeconds * 1000) return arrivals;
    const worker = weighted(workerWeights, random());
    const screens = Object.entries(days[worker]!) as [Screen, number][];
    const screen = screens[weighted(screens.map(([, n]) => n), random())]![0];
    arrivals.push({ at, worker, screen, pick: random(), seq: arrivals.length });
  }
}

function total(day: Partial<Record<Screen, number>>): number {
  return Object.values(day).reduce((sum, n) => sum + n, 0);
}

/** The index whose share of the weights' sum holds u (0 ≤ u < 1). */
function weighted(weights: number[], u: number): number {
  let rest = u * weights.reduce((sum, w) => sum + w, 0);
  for (let i = 0; i < weights.length; i++) {
    rest -= weights[i]!;
    if (rest < 0) return i;
  }
  return weights.length - 1;
}
