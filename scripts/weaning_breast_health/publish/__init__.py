"""Publishing: the catalogue, QR codes and HTTP headers a built site gets, in order."""
