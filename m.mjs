import { readFileSync } from 'node:fs';
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';
const file = process.argv[2];
const mp = await loadMicroPython({ heapsize: 4 * 1024 * 1024, stdout: (l) => console.log(l) });
mp.globals.set('SRC', readFileSync(file, 'utf8'));
mp.runPython(`
import gc
gc.collect()
a = gc.mem_alloc()
code = compile(SRC, 'm.py', 'exec')
gc.collect()
b = gc.mem_alloc()
print(b - a)
`);
