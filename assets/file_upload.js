/* A file over the upload limit: dcc.Upload's max_size drops it before it is read, without a word.
   Say so next to the upload, with the message the server also gives (data-too-large). A capturing
   listener sees the file before the upload's own handlers. */
function jobforgeCheckUploadSize(event) {
  const zone = event.target.closest && event.target.closest("[data-max-bytes]");
  const files = event.dataTransfer ? event.dataTransfer.files : event.target.files;
  if (!zone || !files || !files.length) {
    return;
  }
  const tooLarge = Array.from(files).some((file) => file.size > Number(zone.dataset.maxBytes));
  window.dash_clientside.set_props(zone.dataset.messageId, { children: tooLarge ? zone.dataset.tooLarge : "" });
}
document.addEventListener("change", jobforgeCheckUploadSize, true);
document.addEventListener("drop", jobforgeCheckUploadSize, true);
