/**
 * A helper for kramdown's line-based block constructs (tables, extension bodies): a micromark
 * flow construct that takes whole lines while `rules` accept them and produces one token over
 * all of them. kramdown decides such blocks line by line on the raw text, which micromark's
 * character-level state machines make awkward; here each line is read whole (with a `check`, so
 * nothing is consumed until it is accepted) and handed to plain string predicates.
 */
import type { Code, Construct, Effects, State, TokenizeContext, TokenType } from 'micromark-util-types';
import { markdownLineEnding } from 'micromark-util-character';

export type LineBlockRules = {
  /** May a block start with this line (`interrupting`: it would end a paragraph)? */
  opens(line: string, interrupting: boolean, context: TokenizeContext): boolean;
  /** Does `line` belong to the block made of `lines` so far? */
  continues(line: string, lines: readonly string[]): boolean;
  /** Is the block complete as it is (no later line may join)? */
  closed(lines: readonly string[]): boolean;
  /** Is the finished block valid, given the line after it (`null` at the end of the document)? */
  valid(lines: readonly string[], next: string | null): boolean;
  /**
   * Whether `valid` looks at the line after the block. Peeking holds the construct open into the
   * next line, where it then keeps lists and blockquotes from starting, so only blocks whose
   * validity depends on that line (tables end on a block boundary) should.
   */
  peeksAfter: boolean;
};

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownLinePeek: 'kramdownLinePeek';
  }
}

const TAB = -2;
const VIRTUAL_SPACE = -1;

function append(line: string, code: Code): string {
  if (code === TAB) return `${line}\t`;
  if (code === VIRTUAL_SPACE || code === null) return line;
  return line + String.fromCodePoint(code);
}

/** A partial construct that reads the next line (after a non-lazy line ending) and tests it. */
function nextLineCheck(test: (line: string | null) => boolean): Construct {
  return {
    partial: true,
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      let line = '';
      let open = false;
      const inside = (code: Code): State | undefined => {
        if (code === null || markdownLineEnding(code)) {
          if (open) effects.exit('kramdownLinePeek');
          return test(line) ? ok(code) : nok(code);
        }
        if (!open) effects.enter('kramdownLinePeek');
        open = true;
        line = append(line, code);
        effects.consume(code);
        return inside;
      };
      return (code) => {
        if (code === null) return test(null) ? ok(code) : nok(code);
        effects.enter('lineEnding');
        effects.consume(code);
        effects.exit('lineEnding');
        return (next: Code) => {
          if (this.parser.lazy[this.now().line]) return test(null) ? ok(next) : nok(next);
          return inside(next);
        };
      };
    },
  };
}

export function lineBlockConstruct(name: string, type: TokenType, rules: LineBlockRules): Construct {
  function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const lines: string[] = [];
    let line = '';
    const interrupting = Boolean(this.interrupt);

    let open = false;
    const lineEnd = (code: Code): State | undefined => {
      if (open) effects.exit('kramdownLinePeek');
      open = false;
      lines.push(line);
      line = '';
      if (lines.length === 1 && !rules.opens(lines[0] ?? '', interrupting, this)) return nok(code);
      if (rules.closed(lines) || code === null) return finish(code);
      const accepts = nextLineCheck((next) => next !== null && rules.continues(next, lines));
      return effects.check(accepts, continueBlock, finish)(code);
    };
    const finish = (code: Code): State | undefined => {
      if (!rules.peeksAfter) return rules.valid(lines, null) ? done(code) : nok(code);
      const valid = nextLineCheck((next) => rules.valid(lines, next));
      return effects.check(valid, done, nok)(code);
    };
    const done = (code: Code): State | undefined => {
      effects.exit(type);
      return ok(code);
    };
    const continueBlock = (code: Code): State | undefined => {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return inside;
    };
    const inside = (code: Code): State | undefined => {
      if (code === null || markdownLineEnding(code)) return lineEnd(code);
      if (!open) effects.enter('kramdownLinePeek');
      open = true;
      line = append(line, code);
      effects.consume(code);
      return inside;
    };
    return (code) => {
      effects.enter(type);
      return inside(code);
    };
  }
  return { name, tokenize, concrete: true };
}
