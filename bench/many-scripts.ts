/**
 * Many scripts in parallel: 100 "when message received" scripts, each on its own topic, each sent
 * a burst at once. Reports messages per frame per script, for scripts that only count (no redraw:
 * they may take many messages in one frame) and for scripts that move a sprite (a redraw ends the
 * frame's work, so the floor is one message per frame per script).
 *
 *   npx tsx bench/many-scripts.ts
 */
import mqtt from 'mqtt';
import { loadProject } from '../test/support/scratch-harness';
import { startTestBroker } from '../test/support/test-broker';
import { ProjectBuilder, block, num, text } from '../test/support/sb3-builder';

const SCRIPTS = 100;
const PER_SCRIPT = 30;
const MAX_FRAMES = 2000;

function project(redraws: boolean): object {
  const builder = new ProjectBuilder().variable('count', 0);
  for (let i = 0; i < SCRIPTS; i++) {
    const body = [block('data_changevariableby', { VALUE: num(1) }, { VARIABLE: { variable: 'count' } })];
    if (redraws) body.push(block('motion_movesteps', { STEPS: num(1) }));
    builder.script(block('mqtt_whenMessage', { TOPIC: text(`many/${i}`) }), ...body);
  }
  return builder.build();
}

async function framesToDrain(redraws: boolean, wsUrl: string, tcpUrl: string): Promise<{ frames: number; delivered: number }> {
  const harness = await loadProject(project(redraws));
  if (redraws) {
    // Headless scratch-vm has no renderer (it needs WebGL), and only a renderer's sprite asks for a
    // redraw when it moves. Ask for it the way the renderer path of RenderedTarget.setXY does.
    const runtime = harness.vm.runtime;
    const move = runtime._primitives.motion_movesteps;
    runtime._primitives.motion_movesteps = (args: unknown, util: unknown) => {
      move(args, util);
      runtime.requestRedraw();
    };
  }
  try {
    await harness.extension.connectTo(wsUrl);
    await harness.stepFrames(3);
    const publisher = await mqtt.connectAsync(tcpUrl);
    for (let i = 0; i < SCRIPTS; i++) for (let n = 0; n < PER_SCRIPT; n++) publisher.publish(`many/${i}`, `${n}`);
    await publisher.publishAsync('many/done', 'x', { qos: 1 });
    // Let everything arrive first, so the count measures delivery, not the network.
    await new Promise((r) => setTimeout(r, 500));
    let frames = 0;
    const total = SCRIPTS * PER_SCRIPT;
    while (Number(harness.variable('count')) < total && frames < MAX_FRAMES) {
      harness.vm.runtime._step();
      frames++;
      await new Promise((r) => setImmediate(r));
    }
    await publisher.endAsync();
    return { frames, delivered: Number(harness.variable('count')) };
  } finally {
    harness.dispose();
  }
}

export async function runManyScriptsBenchmark(): Promise<void> {
  const broker = await startTestBroker();
  try {
    console.log(`many scripts (${SCRIPTS} hat scripts x ${PER_SCRIPT} messages each, queued before stepping)`);
    for (const redraws of [false, true]) {
      const { frames, delivered } = await framesToDrain(redraws, broker.wsUrl, broker.tcpUrl);
      const label = redraws ? 'scripts that redraw (move)' : 'scripts that only count   ';
      console.log(
        `  ${label}: ${delivered}/${SCRIPTS * PER_SCRIPT} delivered in ${frames} frames = ${(delivered / SCRIPTS / Math.max(1, frames)).toFixed(2)} messages per frame per script (floor 1.00)`,
      );
    }
  } finally {
    await broker.close();
  }
}

if (require.main === module) {
  runManyScriptsBenchmark().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
