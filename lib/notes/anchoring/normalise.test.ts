/**
 * Normalisation: what must compare equal (width of punctuation and letters, spacing between Han
 * and Latin), what must not (a space between two Latin words), and the map back to the original.
 */
import { describe, expect, test } from 'vitest';
import { normalise, normalisedSpan, normaliseText, originalSpan } from './normalise';

describe('normalise: full and half width compare equal', () => {
  test.each([
    ['，', ','],
    ['；', ';'],
    ['：', ':'],
    ['！', '!'],
    ['？', '?'],
    ['（', '('],
    ['）', ')'],
    ['、', ','],
    ['。', '.'],
    ['“', '"'],
    ['”', '"'],
    ['‘', "'"],
    ['’', "'"],
    ['ＤｏｃｋｅｒＨｙｐｅｒ２０１６', 'DockerHyper2016'],
    ['～', '~'],
  ])('%s is %s', (full, half) => {
    expect(normalise(full)).toBe(normalise(half));
    expect(normalise(full)).toBe(half);
  });

  test('a sentence typed with either width of punctuation', () => {
    expect(normalise('哦，还有十几分钟就要考试了！愿原力与我同在。')).toBe(normalise('哦,还有十几分钟就要考试了!愿原力与我同在.'));
    expect(normalise('ABI（Application Binary Interface）')).toBe(normalise('ABI(Application Binary Interface)'));
    expect(normalise('I’ve')).toBe(normalise("I've"));
  });

  test('Han characters, kana and other letters are left as they are', () => {
    expect(normalise('虚拟化コンテナé')).toBe('虚拟化コンテナé');
  });
});

describe('normalise: spacing', () => {
  test('spaces between Han and Latin compare equal to none', () => {
    expect(normalise('Docker 与 Hyper')).toBe(normalise('Docker与Hyper'));
    expect(normalise('关于 Docker 的文章')).toBe('关于Docker的文章');
    expect(normalise('关于\u3000Docker\u3000的文章')).toBe('关于Docker的文章');
    expect(normalise('コンテナ Docker')).toBe('コンテナDocker');
  });

  test('a run of whitespace between Latin words is one space, and is not nothing', () => {
    expect(normalise('Hyper \n\t Container')).toBe('Hyper Container');
    expect(normalise('Hyper\u3000Container')).toBe('Hyper Container');
    expect(normalise('Hyper Container')).not.toBe(normalise('HyperContainer'));
  });

  test('spaces next to punctuation and at either end vanish', () => {
    expect(normalise('  考试了 ,  愿原力 ')).toBe('考试了,愿原力');
    expect(normalise('Hypervisor + Kernel')).toBe(normalise('Hypervisor+Kernel'));
    expect(normalise('etc. ) .')).toBe('etc.).');
  });

  test('zero-width characters and soft hyphens vanish without joining words', () => {
    expect(normalise('Dock\u00aders\u200b')).toBe('Dockers');
    expect(normalise('Hyper \u200b Container')).toBe('Hyper Container');
    expect(normalise('\ufeff虚拟\u200d机')).toBe('虚拟机');
  });

  test('text of whitespace only is empty', () => {
    expect(normalise(' \n\t\u3000 ')).toBe('');
    expect(normalise('')).toBe('');
  });
});

describe('normaliseText: the map back to the original', () => {
  const original = '关于 Docker 的文章，ＡＢ  Hyper\n Container。';

  test('every normalised character comes from a span of the original that normalises to it', () => {
    const normalised = normaliseText(original);
    expect(normalised.text).toBe('关于Docker的文章,AB Hyper Container.');
    expect(normalised.starts.length).toBe(normalised.text.length);
    for (let index = 0; index < normalised.text.length; index += 1) {
      const span = original.slice(normalised.starts[index], normalised.ends[index]);
      if (normalised.text[index] === ' ') expect(span).toMatch(/^\s+$/);
      else expect(normalise(span)).toBe(normalised.text[index]);
      if (index > 0) expect(normalised.starts[index]).toBeGreaterThanOrEqual(normalised.ends[index - 1] ?? 0);
    }
  });

  test('a match in normalised text maps back to the original words, spaces included', () => {
    const normalised = normaliseText(original);
    const at = normalised.text.indexOf('Docker的');
    const { start, end } = originalSpan(normalised, at, at + 'Docker的'.length);
    expect(original.slice(start, end)).toBe('Docker 的');
    const hyper = normalised.text.indexOf('Hyper Container.');
    const span = originalSpan(normalised, hyper, hyper + 'Hyper Container.'.length);
    expect(original.slice(span.start, span.end)).toBe('Hyper\n Container。');
    const letters = normalised.text.indexOf('AB');
    const wide = originalSpan(normalised, letters, letters + 2);
    expect(original.slice(wide.start, wide.end)).toBe('ＡＢ');
  });

  test('an original span maps to the normalised characters wholly inside it', () => {
    const normalised = normaliseText(original);
    const start = original.indexOf(' Docker ');
    const span = normalisedSpan(normalised, start, start + ' Docker '.length);
    expect(span && normalised.text.slice(span.start, span.end)).toBe('Docker');
    expect(normalisedSpan(normalised, 2, 3)).toBeNull();
  });

  test('characters outside the BMP keep both halves, mapped to the whole character', () => {
    const normalised = normaliseText('𠮷 野家 𝐀 b');
    expect(normalised.text).toBe('𠮷野家𝐀 b');
    expect(Array.from(normalised.starts)).toEqual([0, 0, 3, 4, 6, 6, 8, 9]);
    expect(Array.from(normalised.ends)).toEqual([2, 2, 4, 5, 8, 8, 9, 10]);
  });

  test('a long text (past the chunk size of the string building) normalises whole', () => {
    const long = '虚拟化 Docker，'.repeat(2000);
    expect(normalise(long)).toBe('虚拟化Docker,'.repeat(2000));
  });
});
