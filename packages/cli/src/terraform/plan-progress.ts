/**
 * Progress while stacks plan, on stderr: one line per step (what CI logs keep), and on a terminal also a
 * status line redrawn every second with the stacks in flight and how long each has run, so a long plan never
 * looks stuck.
 */
export interface PlanProgress {
  /** A step of one stack began, e.g. `terraform plan`. */
  step(stack: string, what: string): void;
  /** One stack is done; `line` says how it went. */
  done(stack: string, line: string): void;
  /** Clears the status line for good. */
  close(): void;
}

export function planProgress(total: number, stream: NodeJS.WriteStream = process.stderr): PlanProgress {
  const started = new Map<string, number>();
  let finished = 0;
  const live = stream.isTTY === true && process.env.CI === undefined;
  let status = "";
  const clear = () => {
    if (status) stream.write("\r\x1b[2K");
    status = "";
  };
  const draw = () => {
    if (!live || started.size === 0) return;
    const now = performance.now();
    const inFlight = [...started].map(([stack, t]) => `${stack} ${Math.round((now - t) / 1000)} s`).join(", ");
    const text = `planning ${finished}/${total} done; ${inFlight}`;
    const width = stream.columns ?? 80;
    clear();
    status = text.length >= width ? `${text.slice(0, width - 2)}…` : text;
    stream.write(status);
  };
  const timer = live ? setInterval(draw, 1000) : undefined;
  timer?.unref();
  const line = (text: string) => {
    clear();
    stream.write(`${text}\n`);
    draw();
  };
  return {
    step(stack, what) {
      if (!started.has(stack)) started.set(stack, performance.now());
      line(`${stack}: ${what}`);
    },
    done(stack, text) {
      started.delete(stack);
      finished += 1;
      line(`[${finished}/${total}] ${text}`);
    },
    close() {
      if (timer) clearInterval(timer);
      clear();
    },
  };
}
