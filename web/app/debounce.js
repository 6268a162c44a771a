// fn, called once calls stop coming: debounced(delay, ...args) runs fn(...args) after `delay` ms
// unless another call comes first (each call sets its own delay).
export function debounce(fn) {
  let timer = 0;
  return (delay, ...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), delay);
  };
}
