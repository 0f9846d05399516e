export default function _extends(...args) {
  return Object.assign({}, ...args);
}
