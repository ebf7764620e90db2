// npm run train:nlu — trains the learned intent reader (src/nlu/learned) on the tuning side of the utterance
// corpus plus the maintainers' probes, never on the held-out half, and writes intent-model.{json,bin}.
// Deterministic: the same corpus gives the same bytes (test/nlu-model.test.ts checks the shipped model).
import { trainIntentModel } from '../src/nlu/learned/training.ts'
import { saveModel } from '../src/nlu/learned/model-file.ts'
import { MODEL_BASE } from '../src/nlu/learned/index.ts'

const { model, trainedOn } = trainIntentModel()
saveModel(MODEL_BASE, model, trainedOn)
console.log(`trained on ${Object.entries(trainedOn).map(([k, v]) => `${k} ${v}`).join(', ')}; ${Object.keys(model.weights).length} features × ${model.labels.length} intents → ${MODEL_BASE}.{json,bin}`)
