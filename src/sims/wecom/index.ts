// The bundled WeCom simulator: WeCom's server API, a simulated WeChat and a control API in one
// process, so the product can be developed, demoed and tested without a real WeCom.
export { startWecomSimulator, type WecomSimulator, type WecomSimulatorOptions } from "./server";
export type { SimSeed } from "./corps";
export {
  buildEncryptedCallback,
  buildEventXml,
  computeMsgSignature,
  decodeEncodingAesKey,
  encryptCallbackMessage,
  generateEncodingAesKey,
  verifyCallbackUrl,
  type BuildCallbackOptions,
  type EncryptOptions,
  type SignedCallback,
  type UrlVerificationOptions,
  type UrlVerificationResult,
  type XmlField,
} from "./callback-crypto";
