export default function _slicedToArray(arr, i) {
  const items = Array.isArray(arr) ? arr : Array.from(arr);
  return i === undefined ? items : items.slice(0, i);
}
