// Words the demos build from numbers and messages: counts are singular for one, error messages
// read as sentences after their lead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count, errorText } from '../../src/demos/ui/format.ts';
import { guardExplosion } from '../../src/demos/classification-run.ts';

test('a count of one takes the singular: "1 step per second", never "1 steps"', () => {
  assert.equal(count(1, 'steps'), '1 step');
  assert.equal(count(2, 'steps'), '2 steps');
  assert.equal(count(1, 'epochs'), '1 epoch');
  assert.equal(count(0, 'epochs'), '0 epochs');
  assert.equal(count(1, 'batches', 'batch'), '1 batch');
});

test('a divergence reads "Training diverged: at epoch 1 ...", never "Training diverged. at epoch 1"', () => {
  let message = '';
  try {
    guardExplosion(1, 6210, 0.69);
  } catch (e) {
    message = (e as Error).message;
  }
  const { lead, text } = errorText('diverged', message);
  const whole = `${lead} ${text}`;
  assert.match(whole, /^Training diverged: at epoch 1 the training loss reached 6\.21e\+3/);
  assert.doesNotMatch(whole, /\. [a-z]/, 'no sentence starts with a small letter');
  assert.match(whole, /\.$/);
  // The engine's own message does not repeat the lead.
  const engine = errorText('diverged', 'training diverged at step 5: the loss is NaN; parameters kept from before this step (try a smaller learning rate)');
  assert.equal(`${engine.lead} ${engine.text}`, 'Training diverged: at step 5: the loss is NaN; parameters kept from before this step (try a smaller learning rate).');
  // A named network (chapter 2's comparison) keeps its name.
  assert.match(errorText('diverged', 'the network without dropout, at epoch 3 the training loss reached 40').text, /^the network without dropout, at epoch 3/);
  assert.equal(errorText('settings', 'noise must be a number').text, 'Noise must be a number.');
  assert.equal(errorText('diverged', '').lead, 'Training diverged.');
});
