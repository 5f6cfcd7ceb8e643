package org.imageproc.web;

import org.imageproc.album.Album;
import org.imageproc.album.AlbumCatalog;
import org.imageproc.photo.PhotoCatalog;
import org.imageproc.photo.PhotoOwner;

/** Checks that the demo user owns what a request names: 400 for a name that is not valid, 403, 404. */
final class Owners {

    private final AlbumCatalog albums;
    private final PhotoCatalog photos;

    Owners(AlbumCatalog albums, PhotoCatalog photos) {
        this.albums = albums;
        this.photos = photos;
    }

    /** The user's album {@code owner/name}. */
    Album album(String user, String owner, String name) {
        String userId = Ids.user(user);
        Ids.user(owner);
        String albumName = Ids.albumName(name);
        if (!userId.equals(owner)) {
            throw ApiException.forbidden("This album belongs to someone else");
        }
        return albums.find(userId + "/" + albumName)
                .orElseThrow(() -> ApiException.notFound("No album named '" + albumName + "'"));
    }

    /** The id of the user's photo {@code id}. */
    String photo(String user, String id) {
        String userId = Ids.user(user);
        String imageId = Ids.imageId(id);
        PhotoOwner owner = photos.owner(imageId).orElseThrow(() -> ApiException.notFound("No such photo"));
        if (!userId.equals(owner.userID())) {
            throw ApiException.forbidden("This photo belongs to someone else");
        }
        return imageId;
    }
}
