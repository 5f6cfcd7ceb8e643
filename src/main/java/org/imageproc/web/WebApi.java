package org.imageproc.web;

import java.util.List;

import org.apache.camel.Header;
import org.imageproc.album.Album;
import org.imageproc.album.AlbumCatalog;
import org.imageproc.photo.Photo;
import org.imageproc.photo.PhotoCatalog;
import org.imageproc.photo.PhotoOwner;
import org.imageproc.photo.UploadTicket;
import org.imageproc.photo.UploadTickets;

/**
 * What the REST API does, behind the demo identity: every call names its user in {@link #USER_HEADER}, and a user
 * sees and uploads to their own albums only.
 */
public class WebApi {

    public static final String USER_HEADER = "X-Demo-User";

    private final AlbumCatalog albums;
    private final PhotoCatalog photos;
    private final UploadTickets tickets;

    public WebApi(AlbumCatalog albums, PhotoCatalog photos, UploadTickets tickets) {
        this.albums = albums;
        this.photos = photos;
        this.tickets = tickets;
    }

    public List<Album> albums(@Header(USER_HEADER) String user) {
        return albums.list(Ids.user(user));
    }

    public Album createAlbum(@Header(USER_HEADER) String user, NewAlbum album) {
        String userId = Ids.user(user);
        if (album == null) {
            throw ApiException.badRequest("Send {\"name\": \"...\"}");
        }
        return albums.create(userId, Ids.albumName(album.name()));
    }

    public List<Photo> photos(@Header(USER_HEADER) String user, @Header("owner") String owner,
            @Header("name") String name) {
        return photos.album(ownAlbum(user, owner, name).albumID());
    }

    public UploadTicket upload(@Header(USER_HEADER) String user, @Header("owner") String owner,
            @Header("name") String name, NewUpload upload) {
        Album album = ownAlbum(user, owner, name);
        String contentType = Ids.photoType(upload == null ? null : upload.contentType());
        return tickets.issue(Ids.newImageId(upload.fileName()), contentType, album.userID(), album.albumID());
    }

    public Photo photo(@Header(USER_HEADER) String user, @Header("id") String id) {
        String userId = Ids.user(user);
        String imageId = Ids.imageId(id);
        PhotoOwner owner = photos.owner(imageId).orElseThrow(() -> ApiException.notFound("No such photo"));
        if (!userId.equals(owner.userID())) {
            throw ApiException.forbidden("This photo belongs to someone else");
        }
        return photos.find(imageId);
    }

    private Album ownAlbum(String user, String owner, String name) {
        String userId = Ids.user(user);
        Ids.user(owner);
        String albumName = Ids.albumName(name);
        if (!userId.equals(owner)) {
            throw ApiException.forbidden("This album belongs to someone else");
        }
        return albums.find(userId + "/" + albumName)
                .orElseThrow(() -> ApiException.notFound("No album named '" + albumName + "'"));
    }
}
