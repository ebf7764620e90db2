// npm run train:nlu — trains the learned intent reader (src/nlu/learned) on the tuning side of the utterance
// corpus plus the maintainers' probes, never on the held-out half, and writes intent-model.{json,bin}.
// Deterministic: the same corpus gives the same bytes (test/nlu-model.test.ts checks the shipped model).
import { trainCategoryModel, trainIntentModel } from '../src/nlu/learned/training.ts'
import { saveModel } from '../src/nlu/learned/model-file.ts'
import { CATEGORY_MODEL_BASE, MODEL_BASE } from '../src/nlu/learned/index.ts'

for (const [base, { model, trainedOn }] of [[MODEL_BASE, trainIntentModel()], [CATEGORY_MODEL_BASE, trainCategoryModel()]] as const) {
  saveModel(base, model, trainedOn)
  console.log(`trained on ${Object.entries(trainedOn).map(([k, v]) => `${k} ${v}`).join(', ')}; ${Object.keys(model.weights).length} features × ${model.labels.length} labels → ${base}.{json,bin}`)
}
