export default function _objectWithoutProperties(source, excluded) {
  if (source == null) return {};
  const target = {};
  for (const key of Object.keys(source)) {
    if (!excluded.includes(key)) target[key] = source[key];
  }
  for (const sym of Object.getOwnPropertySymbols(source)) {
    if (!excluded.includes(sym) && Object.prototype.propertyIsEnumerable.call(source, sym)) target[sym] = source[sym];
  }
  return target;
}
