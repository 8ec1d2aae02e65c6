// TextCanvas
