// GraphiQL's start-up, served as a file so the page's Content-Security-Policy
// needs no inline script. With the development signer on, ?token= in the
// address pre-fills the Authorization header and is then removed from the
// address bar, so it does not linger in history.
(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  var endpoint = location.protocol + '//' + location.host + root.getAttribute('data-endpoint');
  var headers;
  if (root.getAttribute('data-token-from-address') === 'true') {
    var params = new URLSearchParams(location.search);
    var token = params.get('token');
    if (token) {
      headers = JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2);
      params.delete('token');
      var rest = params.toString();
      history.replaceState(null, '', location.pathname + (rest ? '?' + rest : ''));
    }
  }
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  ReactDOM.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      headers: headers,
      inputValueDeprecation: true,
    }),
    root,
  );
})();
