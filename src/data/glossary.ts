/** The course glossary: every term a chapter uses, defined once. `chapter` is the chapter id that teaches it. */
export interface GlossaryTerm {
  id: string;
  term: string;
  definition: string;
  chapter: string;
}

export const glossary: GlossaryTerm[] = [
  { id: 'overfitting', term: 'Overfitting', chapter: 'what-is-regularization',
    definition: 'A model that fits its training data, noise included, so closely that it does well on that data and poorly on new, unseen data. The training loss keeps falling while the validation loss turns back up.' },
  { id: 'underfitting', term: 'Underfitting', chapter: 'what-is-regularization',
    definition: 'A model too simple, or trained too little, to capture the pattern in the data: both training and validation loss stay high.' },
  { id: 'generalization', term: 'Generalization', chapter: 'what-is-regularization',
    definition: 'How well a model does on data it was not trained on. Regularization trades a little training accuracy for better generalization.' },
  { id: 'regularization', term: 'Regularization', chapter: 'what-is-regularization',
    definition: 'Any technique that keeps a model from overfitting: dropout, L1/L2 penalties, batch normalization and early stopping among them.' },
  { id: 'training-set', term: 'Training set', chapter: 'what-is-regularization',
    definition: 'The examples the optimizer sees and fits the weights to.' },
  { id: 'validation-set', term: 'Validation set', chapter: 'what-is-regularization',
    definition: 'Examples held out from training and used only to measure generalization, to pick hyperparameters and to decide when to stop.' },
  { id: 'loss', term: 'Loss', chapter: 'what-is-regularization',
    definition: 'The number training minimises: how far the model’s outputs are from the targets (here mean squared error or binary cross-entropy), plus any penalty.' },
  { id: 'epoch', term: 'Epoch', chapter: 'what-is-regularization',
    definition: 'One pass of training over every example of the training set, in mini-batches.' },
  { id: 'mini-batch', term: 'Mini-batch', chapter: 'what-is-regularization',
    definition: 'The small group of examples used for one optimizer step. Batch normalization computes its statistics over it.' },
  { id: 'learning-rate', term: 'Learning rate', chapter: 'what-is-regularization',
    definition: 'The size of each optimizer step. Too large and training diverges (the loss becomes NaN or infinite); too small and it crawls.' },
  { id: 'decision-boundary', term: 'Decision boundary', chapter: 'what-is-regularization',
    definition: 'The line where a classifier’s prediction switches from one class to the other. An overfit network draws a wiggly boundary around individual noisy points.' },
  { id: 'dropout', term: 'Dropout', chapter: 'dropout',
    definition: 'During training, each hidden neuron’s output is set to zero with probability p at every step and the kept ones are scaled by 1/(1-p); at evaluation nothing is dropped.' },
  { id: 'dropout-mask', term: 'Dropout mask', chapter: 'dropout',
    definition: 'The random 0/1 pattern that decides, for one training step, which neurons are kept (1) and which are dropped (0).' },
  { id: 'inverted-dropout', term: 'Inverted dropout', chapter: 'dropout',
    definition: 'Scaling the kept activations by 1/(1-p) during training so their expected value is unchanged and evaluation needs no rescaling. PyTorch’s nn.Dropout does this.' },
  { id: 'train-eval-mode', term: 'Train / eval mode', chapter: 'dropout',
    definition: 'PyTorch’s model.train() and model.eval(): dropout drops neurons and batch norm uses batch statistics only in train mode.' },
  { id: 'l1', term: 'L1 regularization (Lasso)', chapter: 'l1-l2',
    definition: 'Adding λ·Σ|w| to the loss. Its constant-size pull towards zero drives some weights to exactly zero: a sparse model.' },
  { id: 'l2', term: 'L2 regularization (Ridge)', chapter: 'l1-l2',
    definition: 'Adding λ·Σw² to the loss. Its pull is proportional to the weight, so every weight shrinks towards zero but rarely reaches it.' },
  { id: 'weight-decay', term: 'Weight decay', chapter: 'l1-l2',
    definition: 'Shrinking every weight by a small fraction at each step. With plain SGD it equals an L2 penalty; AdamW applies it decoupled from the adaptive gradient.' },
  { id: 'sparsity', term: 'Sparsity', chapter: 'l1-l2',
    definition: 'Having many weights or coefficients exactly equal to zero, so the model ignores the corresponding inputs.' },
  { id: 'regularization-path', term: 'Regularization path', chapter: 'l1-l2',
    definition: 'The fitted coefficients plotted against the penalty strength alpha.' },
  { id: 'batch-normalization', term: 'Batch normalization', chapter: 'batch-normalization',
    definition: 'Normalising a layer’s inputs over the mini-batch to zero mean and unit variance, then scaling by a learned γ and shifting by a learned β.' },
  { id: 'running-statistics', term: 'Running statistics', chapter: 'batch-normalization',
    definition: 'The moving averages of the batch mean and variance that batch norm keeps during training and uses in eval mode.' },
  { id: 'internal-covariate-shift', term: 'Activation drift', chapter: 'batch-normalization',
    definition: 'The change in a hidden layer’s input distribution as the layers before it learn, which batch normalization keeps in check.' },
  { id: 'early-stopping', term: 'Early stopping', chapter: 'early-stopping',
    definition: 'Stopping training once the validation metric has not improved for a number of epochs, optionally restoring the best weights seen.' },
  { id: 'patience', term: 'Patience', chapter: 'early-stopping',
    definition: 'How many epochs without improvement early stopping waits before it stops training.' },
  { id: 'min-delta', term: 'min_delta', chapter: 'early-stopping',
    definition: 'The smallest change of the monitored metric that counts as an improvement for early stopping.' },
];

export const glossaryById = new Map(glossary.map((t) => [t.id, t]));
