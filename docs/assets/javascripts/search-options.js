/*
 * Let readers search for command-line options such as `flask --app`.
 *
 * Material hands the query to lunr, whose syntax reads "-" before a word as
 * "must not contain"; "--app" is then an invalid query and finds nothing.
 * Before a query reaches the search worker, a leading "--" is dropped, so
 * "flask --app" searches for "flask app". A single "-word" keeps its lunr
 * meaning (exclude the word). Queries are the worker messages of type 2 in
 * Material 9.x; tests/browser checks this still works when Material changes.
 */
(function () {
  const QUERY = 2;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      message = { ...message, data: message.data.replace(/(^|\s)--(?=[^\s-])/g, "$1") };
    }
    return post.call(this, message, ...rest);
  };
})();
