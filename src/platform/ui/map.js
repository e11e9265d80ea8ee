// Progressive enhancement: the list of results is the content; this map only shows where they are.
const box = document.querySelector(".result-map");
const points = [...document.querySelectorAll("[data-lat][data-lon]")];
if (box && window.L && points.length > 0) {
  const { L } = window;
  box.closest("section").hidden = false;
  const map = L.map(box, { zoomControl: false, scrollWheelZoom: false });
  L.control.zoom({ zoomInTitle: box.dataset.zoomIn, zoomOutTitle: box.dataset.zoomOut }).addTo(map);
  // The credit is the tenant's text: written as text, never as markup.
  const credit = document.createElement("span");
  credit.textContent = box.dataset.attribution;
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(box.dataset.tiles, { attribution: credit.innerHTML, maxZoom: 18 }).addTo(map);
  const at = (point) => [Number(point.dataset.lat), Number(point.dataset.lon)];
  // The view first: markers added to a map without one are not drawn yet.
  map.fitBounds(points.map(at), { padding: [24, 24], maxZoom: 14 });
  for (const point of points) {
    const link = point.querySelector("a");
    const marker = L.marker(at(point), { icon: L.divIcon({ className: "map-pin", iconSize: [18, 18] }), title: link.textContent, keyboard: true }).addTo(map);
    marker.getElement().setAttribute("aria-label", link.textContent);
    const popup = document.createElement("a");
    popup.href = link.href;
    popup.textContent = link.textContent;
    marker.bindPopup(popup);
  }
  map.on("popupopen", (event) => {
    event.popup.getElement().querySelector(".leaflet-popup-close-button")?.setAttribute("aria-label", box.dataset.close);
    event.popup.getElement().querySelector("a:not(.leaflet-popup-close-button)")?.focus();
  });
}
