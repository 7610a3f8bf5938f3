// Names typed on the command line look things up in objects read from files. A plain
// `obj[name]` also finds what every JavaScript object inherits ("constructor",
// "toString", "__proto__"), so `--policy constructor` would hand a function to the engine.
// Only an object's own entries count.
import type { PolicyDef, Scenario } from '../scenario/schema.ts';

export function own<T>(record: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** A policy defined in the scenario under exactly this name. */
export function scenarioPolicy(scenario: Scenario, name: string): PolicyDef | undefined {
  return own(scenario.policies, name);
}

export function policyNames(scenario: Scenario): string {
  return Object.keys(scenario.policies).join(', ');
}
