// Prints the bytes a Python module keeps after compile() in a fresh MicroPython (WebAssembly)
// interpreter: gc.mem_alloc() before and after, with a collection in between. stdin: the source.
import { readFileSync } from 'node:fs';
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';

const mp = await loadMicroPython({ heapsize: 4 * 1024 * 1024, stdout: (line) => console.log(line) });
mp.globals.set('SRC', readFileSync(0, 'utf8'));
mp.runPython('import gc\ngc.collect()\na = gc.mem_alloc()\ncode = compile(SRC, "m.py", "exec")\ngc.collect()\nprint(gc.mem_alloc() - a)\n');
