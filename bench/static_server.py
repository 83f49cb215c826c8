"""The built site on 127.0.0.1 as a static host serves it: text gzip-compressed when asked for.

Used by the benchmarks (`serve(site)` gives the base URL), so that page weights are the bytes a
reader's browser really receives from a host like GitHub Pages.
"""
import contextlib
import functools
import gzip
import http.server
import threading
from pathlib import Path

COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".map", ".txt", ".xml", ".ipynb"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()      # the redirect to the URL with a slash
            path = path / "index.html"
        if (path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@contextlib.contextmanager
def serve(site):
    """Serve `site` in a background thread; yields the base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
