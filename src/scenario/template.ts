// The starting point `cashout new` writes: a complete, valid scenario whose comments
// explain every section. A test loads it with the real loader, so it always passes
// `cashout check`. Numbers marked `confidence: assumption` are placeholders to replace.

export function scenarioTemplate(id: string, title = 'My course scenario'): string {
  return `# yaml-language-server: $schema=./scenario.schema.json
# A Cashout scenario. Full reference: docs/scenario-format.md. Check it with:
#   npx cashout check ${id}.yaml
# Play it headless:  npx cashout sim --scenario ${id}.yaml --seed 1
# Balance it:        npx cashout batch --scenario ${id}.yaml --runs 1000
format: cashout-scenario/1
id: ${id}
title: ${JSON.stringify(title)}
summary: One or two sentences for the scenario picker.

# Narrative shown to players before turn 1 (and guidance in every phase, if given).
briefing:
  situation: >-
    Describe the situation the students face: who steals, what is at stake, which
    governments they represent. Cite numbers only if they appear under sources below.
  objectives: Keep cash reaching the regime low without harming legitimate users.
  guidance: >-
    Optional hints for a first game, e.g. "Try sanctioning mixers in turn 1 and watch
    where the money goes in the report".

# Turns are months from start. launchCalendar multiplies launch chances in given months
# (exercises, anniversaries); use sources for documented dates.
calendar:
  start: 2024-01
  turns: 8
  launchCalendar:
    - { name: Spring exercises, month: 3, multiplier: 1.5 }
    - { name: Day of the Sun (15 April), month: 4, multiplier: 1.5 }

# Money inside the game is US dollars; players can switch the display to yen.
currency:
  display: JPY
  usdJpy:
    value: 150
    confidence: assumption
    note: Round rate; replace it with a sourced annual average for your period.

# Every real-world figure names one of these keys in its source field.
sources:
  kida-2022:
    publisher: Chosun Ilbo (KIDA estimate)
    title: Cost of North Korean missile launches
    date: 2022-06-09

# Players. Each role sets only its own levers and has a budget of points per turn.
roles:
  - id: sanctions
    name: Sanctions authority
    description: Designates mixers, brokers and facilitators; coordinates freezes.
    budgetPerTurn: 10
  - id: defence
    name: Cyber-defence agency
    description: Sets defensive postures for the sectors the adversary targets.
    budgetPerTurn: 8

# Where the adversary steals. baseSuccess is the chance one operation succeeds with no
# defence; heist sizes are heavy-tailed between median and max. A sector with
# yields: technology (espionage) raises missile capability instead of cash.
sectors:
  - id: exchanges
    name: Exchanges
    description: Centralised exchanges with hot wallets.
    location: { lon: 126.98, lat: 37.57, label: Seoul }
    attractiveness: 3
    baseSuccess: 0.3
    heist:
      median: { value: 30000000, currency: USD, confidence: assumption }
      tailIndex: 1.4
      max: { value: 600000000, currency: USD, confidence: assumption }
  - id: bridges
    name: Cross-chain bridges
    description: Bridges guarded by a few validator keys.
    location: { lon: 103.82, lat: 1.35, label: Singapore }
    attractiveness: 2
    baseSuccess: 0.25
    heist:
      median: { value: 60000000, currency: USD, confidence: assumption }
      tailIndex: 1.2
      max: { value: 700000000, currency: USD, confidence: assumption }

# Stolen funds pass the stages in order; in each stage they split over the channels by
# share. Deterrence pushes flow to the other channels (paying switchingCost); freezes
# and haircuts take their part when funds enter a channel.
laundering:
  switchingCost: 0.1
  stages:
    - id: obfuscation
      name: Obfuscation
      channels:
        - { id: mixers, name: Mixers, description: Pooled mixing services., share: 3, delayTurns: 1, haircut: 0.03, baseFreeze: 0.01 }
        - { id: chain-hop, name: Chain-hopping, description: Swaps across chains over bridges., share: 1, delayTurns: 1, haircut: 0.02, baseFreeze: 0.01 }
    - id: cash-out
      name: Cash-out
      channels:
        - { id: otc, name: OTC brokers, description: Brokers who pay fiat for crypto., share: 1, delayTurns: 1, haircut: 0.1, baseFreeze: 0.02 }

# What players can do. Effects: defense (sector), freeze / deter (channel, or "all" for
# freeze), capability (adversary), coalition (multiplies freeze and deter). Costs are
# budget points per level per turn; side effects accumulate each turn.
levers:
  - id: mixer-sanctions
    name: Sanction mixers
    description: Designate mixing services so that exchanges refuse their outputs.
    kind: sanction
    role: sanctions
    maxLevel: 3
    costPerLevel: 3
    sideEffects: { collateral: 1, escalation: 0.5 }
    effects:
      - { type: deter, channel: mixers, perLevel: 0.25 }
      - { type: freeze, channel: mixers, perLevel: 0.05 }
  - id: otc-designations
    name: Designate OTC brokers
    description: Sanction the brokers who turn crypto into cash.
    kind: sanction
    role: sanctions
    maxLevel: 2
    costPerLevel: 2
    effects:
      - { type: freeze, channel: otc, perLevel: 0.1 }
  - id: validator-keys
    name: Decentralise bridge validators
    description: More validators and hardware keys make bridge keys harder to steal.
    kind: posture
    role: defence
    maxLevel: 3
    costPerLevel: 2
    effects:
      - { type: defense, sector: bridges, perLevel: 0.2 }
  - id: exchange-mfa
    name: Hardware-key MFA at exchanges
    description: Phishing-resistant keys for hot-wallet operators.
    kind: posture
    role: defence
    maxLevel: 2
    costPerLevel: 2
    effects:
      - { type: defense, sector: exchanges, perLevel: 0.2 }

# The adversary: teams run operations each turn and learn which sectors pay off.
adversary:
  teams: 4
  capability: 1
  capabilityGrowth: 0.01
  learningRate: 0.3
  missileShare: { value: 0.4, confidence: assumption, note: Share of cash spent on missiles. }
  otherMissileFunding: { value: 10000000, currency: USD, confidence: assumption }

# Missiles bought with the cash, at documented unit costs.
missiles:
  - id: srbm
    name: Short-range ballistic missile
    cost: { value: 600000000, currency: JPY, source: kida-2022, confidence: estimate }
    launchChance: 0.3
    preference: 3
    initialStock: 2
  - id: icbm
    name: Intercontinental ballistic missile
    cost: { value: 4200000000, currency: JPY, source: kida-2022, confidence: estimate }
    launchChance: 0.2
    preference: 1

# Injects: scripted (a fixed turn, or a month: month: 2024-03), random (a chance per
# turn), conditional (when a total crosses a threshold, when an earlier event succeeded or
# was blocked, or when a lever reaches a level). Effects: heist, vulnerability, capability,
# launch, priceShock, escalation, seizure.
events:
  scripted:
    - id: validator-phish
      month: 2024-03
      title: A bridge's validator keys are phished
      text: An engineer opens a trojanised job offer; the attackers reach the validator keys.
      effects:
        - { type: heist, sector: bridges, amount: { value: 300000000, currency: USD, confidence: assumption } }
  random:
    - id: market-crash
      title: Crypto prices crash
      text: Prices fall while stolen funds wait to be laundered.
      probability: 0.1
      effects:
        - { type: priceShock, factor: 0.7 }
  conditional:
    - id: nuclear-test
      title: Nuclear test
      text: Flush with cash, the regime conducts a nuclear test.
      when: { metric: cashedOutUsd, op: ">=", value: 400000000, toTurn: 6 }
      effects:
        - { type: escalation, add: 20 }

# How the game is judged at the end.
objectives:
  - id: limit-cash
    text: Keep cash reaching the regime at or below $300 M.
    metric: cashedOutUsd
    op: "<="
    target: 300000000
  - id: low-harm
    text: Keep collateral harm at or below 12 points.
    metric: collateral
    op: "<="
    target: 12

# Named policies for sim, batch and counterfactuals. "none" is required; add one that
# approximates what governments actually did and name it historical.
policies:
  none:
    description: No new measures.
  historical:
    description: Replace with what governments did, turn by turn.
    turns:
      "1": { mixer-sanctions: 1 }
      "4": { mixer-sanctions: 2, validator-keys: 2 }

# For the instructor (the game ignores this section): learning objectives judged on each
# run in \`cashout report\` (strengths and areas for improvement, with evidence), a
# briefing per role, facilitator notes per turn (shown in the facilitator panel) and
# debrief questions.
assessment:
  learningObjectives:
    - id: substitution
      text: Explain why sanctioning one laundering channel pushes the money to others.
      evidence:
        - lever: mixer-sanctions
          op: ">="
          level: 1
          byTurn: 2
          strength: Mixers were sanctioned early; the flows show where the money went instead.
          improvement: Mixers were never sanctioned early, so the run cannot show substitution.
        - objective: limit-cash
          strength: The cash reaching the regime stayed within the target.
          improvement: Too much cash reached the regime; find the stage where it got through.
    - id: defend-early
      text: Judge when a defence must be in place to stop a planned heist.
      evidence:
        - event: validator-phish
          outcome: blocked
          strength: The validator heist was blocked by defences already in force.
          improvement: The validator heist got through; defences set after it came too late.
  roles:
    - role: sanctions
      briefing: You act on the money after it is stolen; every sanction also touches legitimate users.
      objectives: [Keep the cash reaching the regime at or below $300 M.]
    - role: defence
      briefing: You act before the theft; the attackers go where you are weakest.
      objectives: [Block the bridge heist in March.]
  turns:
    - month: 2024-03
      notes: The validator heist comes this month; defences set now decide whether it is blocked.
      questions: [Could a sanction have stopped this theft? What could have?]
  debrief:
    - Where did the money you did not stop go, and which measure would have caught it?
    - Which decision came too late?
`;
}
