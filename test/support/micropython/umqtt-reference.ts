/**
 * The yardstick for the board library's size: bytes umqtt.simple itself keeps on a board after
 * compiling, measured as the library is (MicroPython 1.27 WebAssembly, gc.mem_alloc() before and
 * after compile() in a fresh interpreter) on micropython-lib's micropython/umqtt.simple/umqtt/simple.py
 * (as of micropython-lib commit 5e49b1b, July 2026). Its source is not in this repository: the real
 * umqtt.simple cannot be installed here, so the figure is recorded rather than measured each run.
 */
export const UMQTT_SIMPLE_BYTECODE = 4256;
