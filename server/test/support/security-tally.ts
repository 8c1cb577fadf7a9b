// The security suite's summary, like the chaos suite's: one line per area with the cases tried, the
// answers that were a 5xx, and the wrong writes (rows written, or not written, against what the area
// expects). The assertions fail on the first bad case; the lines say how much was tried around it.
// Printed after each suite, e.g. "[security] postgres · upstream: typed mutants: 500 cases, 0 5xx, 0 wrong writes".

interface Counts {
  cases: number;
  serverErrors: number;
  wrongWrites: number;
}

export interface SecurityArea {
  /** One request tried; its status counts as a 5xx from 500 on. */
  tried(status: number): void;
  /** Rows the area's requests wrote against what it expects (0 when all is well); negative counts too. */
  wrote(wrong: number): void;
}

export interface SecurityTally {
  area(name: string): SecurityArea;
  print(): void;
}

export function securityTally(suite: string, backend: string): SecurityTally {
  const areas = new Map<string, Counts>();
  return {
    area(name) {
      const counts = areas.get(name) ?? { cases: 0, serverErrors: 0, wrongWrites: 0 };
      areas.set(name, counts);
      return {
        tried(status) {
          counts.cases += 1;
          if (status >= 500) counts.serverErrors += 1;
        },
        wrote(wrong) {
          counts.wrongWrites += Math.abs(wrong);
        },
      };
    },
    print() {
      for (const [name, c] of areas) {
        console.log(`[security] ${backend} · ${suite}: ${name}: ${c.cases} cases, ${c.serverErrors} 5xx, ${c.wrongWrites} wrong writes`);
      }
    },
  };
}
