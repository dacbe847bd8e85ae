import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  seconds: number;
  share: number;
}

/**
 * CPU profiles of single benchmark steps through the inspector (for `--profile`), so that setup and the
 * other steps do not blur the picture; the same data `node --cpu-prof` writes, cut to one step.
 */
export async function createStepProfiler(folder: string | undefined) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  return {
    async profile<T>(step: string, work: () => Promise<T>): Promise<{ result: T; hot: HotFunction[] }> {
      await session.post('Profiler.start');
      let profile: Profile;
      let result: T;
      try {
        result = await work();
      } finally {
        profile = (await session.post('Profiler.stop')).profile as unknown as Profile;
      }
      if (folder) writeFileSync(join(folder, `bench-${step}.cpuprofile`), JSON.stringify(profile));
      return { result, hot: summarizeSelfTime(profile) };
    },
    close: () => session.disconnect(),
  };
}

/** Self time per function (name, file, line), largest first. */
function summarizeSelfTime(profile: Profile): HotFunction[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const micros = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.replace(/^.*\/(node_modules|packages)\//, '$1/');
    const key =
      `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
    micros.set(key, (micros.get(key) ?? 0) + delta);
  });
  return [...micros.entries()]
    .map(([name, value]) => ({ name, seconds: value / 1e6, share: value / total }))
    .sort((a, b) => b.seconds - a.seconds);
}
