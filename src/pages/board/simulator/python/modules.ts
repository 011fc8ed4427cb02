/**
 * The simulated board's Python modules, bundled as text (webpack `asset/source`) and written into
 * the interpreter's filesystem under /sim, which comes first on sys.path: a program's `import time`
 * gets the simulated one.
 */
import simcore from './_simcore.py';
import simrun from './_simrun.py';
import machine from './machine.py';
import network from './network.py';
import time from './time.py';
import umqttInit from './umqtt/__init__.py';
import umqttSimple from './umqtt/simple.py';

export const BOARD_MODULES: Readonly<Record<string, string>> = {
  '_simcore.py': simcore,
  '_simrun.py': simrun,
  'machine.py': machine,
  'network.py': network,
  'time.py': time,
  'umqtt/__init__.py': umqttInit,
  'umqtt/simple.py': umqttSimple,
};
