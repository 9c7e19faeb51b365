import { describe, expect, it } from 'vitest';
import { inputEnvName, parseCommandFile } from '../../harness/run-action.mjs';

describe('inputEnvName', () => {
  it.each([
    ['image', 'INPUT_IMAGE'],
    ['registry-username', 'INPUT_REGISTRY-USERNAME'],
    ['tag-length', 'INPUT_TAG-LENGTH'],
    ['sha-env', 'INPUT_SHA-ENV'],
    ['my input', 'INPUT_MY_INPUT'],
    ['a  b', 'INPUT_A__B'],
  ])('%s → %s', (name, expected) => {
    expect(inputEnvName(name)).toBe(expected);
  });
});

describe('parseCommandFile', () => {
  it.each<[string, string, Record<string, string>]>([
    ['empty file', '', {}],
    ['plain name=value lines', 'tag=d24155b\npushed=false\n', { tag: 'd24155b', pushed: 'false' }],
    ['"=" inside a plain value', 'url=https://x/?a=1&b=2\n', { url: 'https://x/?a=1&b=2' }],
    ['an empty plain value', 'digest=\n', { digest: '' }],
    [
      'heredoc blocks as @actions/core writes them',
      'tag<<ghadelimiter_0f1e2d3c\nd24155b\nghadelimiter_0f1e2d3c\npushed<<ghadelimiter_4b5a6978\nfalse\nghadelimiter_4b5a6978\n',
      { tag: 'd24155b', pushed: 'false' },
    ],
    [
      'a multi-line heredoc value',
      'notes<<ghadelimiter_x\nline one\n\nline=three\nname<<not_the_delimiter\nghadelimiter_x\n',
      { notes: 'line one\n\nline=three\nname<<not_the_delimiter' },
    ],
    ['an empty heredoc value', 'digest<<ghadelimiter_x\n\nghadelimiter_x\n', { digest: '' }],
    ['a heredoc value of no lines', 'digest<<ghadelimiter_x\nghadelimiter_x\n', { digest: '' }],
    [
      'a hyphenated name',
      'image-ref<<ghadelimiter_x\nacme/app:d24155b\nghadelimiter_x\n',
      { 'image-ref': 'acme/app:d24155b' },
    ],
    ['later wins (plain)', 'tag=aaaaaaa\ntag=bbbbbbb\n', { tag: 'bbbbbbb' }],
    [
      'later wins (heredoc over plain)',
      'tag=aaaaaaa\ntag<<ghadelimiter_x\nbbbbbbb\nghadelimiter_x\n',
      { tag: 'bbbbbbb' },
    ],
    [
      'later wins (plain over heredoc)',
      'tag<<ghadelimiter_x\naaaaaaa\nghadelimiter_x\ntag=bbbbbbb\n',
      { tag: 'bbbbbbb' },
    ],
    ['a plain value containing "<<"', 'cmd=cat <<EOF\n', { cmd: 'cat <<EOF' }],
    [
      'mixed',
      'container=app-d24155b-1-1-abcdef\nlogged-in<<ghadelimiter_y\nlocalhost:5000\nghadelimiter_y\nimage=acme/app\n',
      { container: 'app-d24155b-1-1-abcdef', 'logged-in': 'localhost:5000', image: 'acme/app' },
    ],
    ['an unterminated heredoc takes the rest', 'notes<<EOF\na\nb', { notes: 'a\nb' }],
  ])('%s', (_case, text, expected) => {
    expect(parseCommandFile(text)).toEqual(expected);
  });
});
