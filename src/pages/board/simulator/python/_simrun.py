# Runs main.py as a board does after a reset, and tells the page how it ended. A missing module or
# board feature becomes one event naming it (the page writes one clear line), any other error the
# traceback with line numbers (the page highlights the block of the last main.py line).
import io
import sys
import builtins
import _simboard
import _simcore


def _input(prompt=''):
    # Board input() reads the serial line: here the page's console input field.
    if prompt:
        print(prompt, end='')
    return _simcore.call('input').get('line', '')


def _traceback(error):
    text = io.StringIO()
    sys.print_exception(error, text)
    return text.getvalue()


def _missing_name(error):
    if isinstance(error, _simcore.SimulatorLacks):
        return error.name
    message = str(error.args[0]) if error.args else ''
    for start in ("no module named '", "can't import name "):
        if message.startswith(start):
            return message[len(start):].rstrip("'")
    return None


def run():
    builtins.input = _input
    try:
        with open('main.py') as source:
            code = compile(source.read(), 'main.py', 'exec')
        exec(code, {'__name__': '__main__', '__file__': 'main.py'})
        _simcore.event('finished')
    except _simcore.BoardReset:
        _simcore.event('reset')
    except KeyboardInterrupt:
        _simcore.event('stopped')
    except SystemExit:
        _simcore.event('finished')
    except (ImportError, AttributeError) as error:
        name = _missing_name(error)
        if name is None:
            _simcore.event('error', traceback=_traceback(error))
        else:
            _simcore.event('missing', name=name, traceback=_traceback(error))
    except BaseException as error:
        _simcore.event('error', traceback=_traceback(error))
