// The final written answer as a PDF letter (SPEC R-FLOW-5).
export { buildAnswerLetter } from './answer-letter.ts';
export {
  type AnswerLetterInput,
  type AnswerLetterStep,
  assertFontsCover,
  renderAnswerLetter,
} from './letter.ts';
