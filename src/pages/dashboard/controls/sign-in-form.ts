/**
 * Where the teacher types the classroom username and password for the controls, when the broker
 * asks for them (LAN mode). The page itself was opened with the browser's own login prompt, whose
 * password a page cannot read, so the controls ask once more. Kept in memory only, never stored.
 */
import { button, element } from '../dom';

export function buildSignInForm(root: HTMLElement, onSubmit: (username: string, password: string) => void): void {
  const form = element('form', 'sign-in-form');
  const help = element('p', 'side-help');
  help.dataset.text = 'signInHelp';
  const field = (textKey: string, name: string, type: string, autocomplete: AutoFill): HTMLLabelElement => {
    const label = element('label', 'form-field');
    const caption = element('span', 'form-caption');
    caption.dataset.text = textKey;
    const input = element('input', 'form-input');
    input.name = name;
    input.type = type;
    input.autocomplete = autocomplete;
    label.append(caption, input);
    return label;
  };
  const submit = button('button button-primary', '', () => {});
  submit.type = 'submit';
  submit.dataset.text = 'signIn';
  form.append(help, field('username', 'username', 'text', 'username'), field('password', 'password', 'password', 'current-password'), submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name: string): string => (form.elements.namedItem(name) as HTMLInputElement).value;
    onSubmit(value('username').trim(), value('password'));
  });
  root.append(form);
  root.hidden = false;
}
