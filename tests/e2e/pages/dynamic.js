// Builds the article after load, as single-page sites do. What only the live
// page knows, and the capture must carry into the core:
//   - the article itself (absent from the served HTML);
//   - a block hidden by a stylesheet rule (.promo { display: none }), which the
//     copy must mark `hidden`;
//   - an image whose real source only the lazy loader's srcset names (the src
//     attribute stays a placeholder), so only currentSrc tells the truth;
//   - the URL, changed with history.replaceState.
window.addEventListener('load', () => {
  setTimeout(() => {
    const root = document.getElementById('root');
    const paras = [
      'The night ferry between the harbour and the island returned on Friday for its thirty-first summer, with a refitted lounge and, for the first time, a small cabin for cyclists who want to sleep on the crossing.',
      'SCRIPT-INSERTED-SENTINEL The operator said bookings for the first month were the highest since the service began, helped by the closure of the coast road for resurfacing and by a fare that has not risen in three years.',
      'Crew members spent the winter stripping the lounge back to its frame. The new seats face the windows, and the bar now stays open until the boat passes the outer light, a change regular passengers had asked for since the service was first timetabled.',
      'The ferry leaves the harbour at eleven each night and reaches the island a little after two. The return sailing leaves at six in the morning, in time for the first bus to the station and the early trains inland.',
    ];
    const art = document.createElement('article');
    const h1 = document.createElement('h1');
    h1.textContent = 'Night ferry returns for the summer';
    art.append(h1);
    for (const [i, t] of paras.entries()) {
      const p = document.createElement('p');
      p.textContent = t;
      art.append(p);
      if (i === 1) {
        const promo = document.createElement('div');
        promo.className = 'promo';
        promo.textContent = 'HIDDEN-PROMO-SENTINEL Subscribe now for unlimited access to every story, every day, on every device you own, with our special offer.';
        art.append(promo);
        const fig = document.createElement('figure');
        const img = document.createElement('img');
        img.alt = 'The refitted lounge';
        img.setAttribute('src', 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==');
        img.setAttribute('srcset', '/img/lounge-real.png?w=480&h=240 1x');
        img.width = 480;
        img.height = 240;
        fig.append(img);
        art.append(fig);
      }
    }
    root.replaceChildren(art);
    history.replaceState(null, '', '/pages/dynamic.html?story=night-ferry');
    document.documentElement.dataset.articleReady = 'true';
  }, 50);
});
