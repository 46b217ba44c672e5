/**
 * Built-in lists for fake personas and replacement words. Neutral, common words only: a replacement
 * must read as ordinary text and never carry meaning from the source.
 */

export const FIRST_NAMES = [
  'Aaron', 'Abigail', 'Adrian', 'Agnes', 'Aisha', 'Albert', 'Alma', 'Amara', 'Anders', 'Andrea', 'Anton', 'Astrid',
  'Beatriz', 'Benedict', 'Bianca', 'Boris', 'Bruno', 'Camila', 'Carmen', 'Cecilia', 'Chidi', 'Clara', 'Conrad', 'Dalia',
  'Damian', 'Dario', 'Delphine', 'Dmitri', 'Edith', 'Eero', 'Elif', 'Elena', 'Emeka', 'Emil', 'Esther', 'Fabio',
  'Farah', 'Flora', 'Gideon', 'Greta', 'Gustav', 'Hana', 'Hector', 'Helga', 'Hiro', 'Ines', 'Ingrid', 'Isak',
  'Ivana', 'Jalen', 'Jana', 'Joaquin', 'Jonas', 'Jun', 'Kamala', 'Karim', 'Keiko', 'Lars', 'Leila', 'Linnea',
  'Lorenzo', 'Lucia', 'Madhu', 'Malik', 'Marta', 'Mateo', 'Mei', 'Milan', 'Mira', 'Nadia', 'Nils', 'Noor',
  'Odile', 'Olga', 'Omar', 'Oskar', 'Paloma', 'Pavel', 'Priya', 'Quentin', 'Rafael', 'Rania', 'Rosa', 'Ruben',
  'Saskia', 'Selin', 'Soren', 'Suki', 'Tamar', 'Teodor', 'Thea', 'Tobias', 'Ulla', 'Valeria', 'Viggo', 'Wanda',
  'Xavier', 'Yara', 'Yusuf', 'Zofia',
] as const;

export const LAST_NAMES = [
  'Abara', 'Achterberg', 'Alvarado', 'Amundsen', 'Arslan', 'Bakker', 'Balogun', 'Barros', 'Bergstrom', 'Bianchi',
  'Blom', 'Bozkurt', 'Castell', 'Cerny', 'Chaudhry', 'Coelho', 'Dahl', 'Delacroix', 'Demir', 'Dragan', 'Duarte',
  'Eklund', 'Esposito', 'Falk', 'Ferreira', 'Fiala', 'Galindo', 'Gerhardt', 'Haddad', 'Halvorsen', 'Hartmann',
  'Holm', 'Horvath', 'Ibarra', 'Iwata', 'Jablonski', 'Jaramillo', 'Kaplan', 'Karlsson', 'Kiraly', 'Kovac', 'Kruger',
  'Laine', 'Lindqvist', 'Lorenz', 'Lund', 'Maddox', 'Marek', 'Moreau', 'Mwangi', 'Navarro', 'Nemeth', 'Novak',
  'Nyberg', 'Obi', 'Ortega', 'Ostrowski', 'Pacheco', 'Pereira', 'Pohl', 'Quinlan', 'Rasmussen', 'Reyes', 'Rocha',
  'Rosen', 'Sabri', 'Salazar', 'Sandoval', 'Santoro', 'Sato', 'Schenk', 'Sorensen', 'Stahl', 'Strand', 'Suzuki',
  'Szabo', 'Takeda', 'Tamura', 'Teixeira', 'Toth', 'Ueda', 'Valdez', 'Varga', 'Vasquez', 'Vogel', 'Wahlberg',
  'Wendt', 'Wojcik', 'Yilmaz', 'Zamora', 'Zeller', 'Zielinski',
] as const;

/** Words kept as they are: they carry the shape of a sentence and nothing about anybody. */
export const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'not', 'no', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with',
  'as', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'if', 'then',
  'when', 'so', 'than', 'into', 'out', 'up', 'down', 'after', 'before', 'all', 'any', 'some', 'we', 'you', 'they',
  'i', 'my', 'our', 'your', 'their', 'has', 'have', 'had', 'do', 'does', 'did', 'can', 'will', 'would', 'should',
]);

/** Replacement vocabulary; grouped by length at load time. */
export const FILLER_WORDS = `
x go ox us me he
ant arc bay bin box cab cog cup dew dot elm fan fig fir gum hat hub ink jar jet kit lab lid log map mat mop
mug nap net oak oar orb pad pan pen pod ram rim rod rug sap saw sky tab tan tea tin toe tub urn van vat wax web yak zip
acre arch bale barn beam bell bolt bowl brim bulb cape cart cask clay coal coat cove crab dock drum dune fern flag foam
fork gate gear glow gulf hail hill hive hook horn iris isle jade kiln knot lake lamp lane leaf lens lime loom mast mesa
mint moss nest node oven palm path pier pine pond quay rail reed reef roof rope sail sand seed shed silo snow soap
sock star stem tide tile toad tram tree tuft vane vase vest wall wave well wick wing wool yard yarn
acorn amber anvil apron aspen badge basil beach birch blaze board brick brook cabin cable candy cedar chalk chart
cider cliff cloud coral crane crate creek crumb daisy delta depot ember fable feast ferry field flint forge frost
glade glass gourd grain grove guild harbor hazel heron honey igloo ivory jewel kayak knoll ledge lemon lilac linen
lodge maple marsh melon mango north ocean olive orbit otter pearl pedal perch plank plaza plume prism quail quill
radar raven ridge river robin rowan sable scarf shore slate spire spoon stone straw swirl table thorn tiger torch
tulip umber vapor vault velvet wagon wheat whale willow yacht zebra
anchor arcade badger banner barley basket beacon bottle branch bridge bronze bucket butter candle canyon carpet
castle cellar cinder clover cobalt copper cotton cradle crayon dahlia desert dinghy domino donkey dragon falcon
feather fennel ferret fiddle garden garnet ginger glider goblet gravel hammer harbor helmet hollow island jacket
jasper kettle ladder lagoon lantern locket magnet marble meadow mitten muffin nectar nickel nutmeg oyster paddle
pebble pepper pillow pollen puffin quartz rabbit ribbon saddle salmon season signal silver sleeve spiral spruce
summit sunset teapot temple timber tunnel turnip velvet violet walnut window winter zephyr
admiral almanac avocado balcony bandana biscuit blossom bracket cabbage caravan cashmere catalog chamber chimney
compass cottage crystal cypress dolphin drizzle emerald feather fiddler fireman gallery glacier granite harvest
hickory horizon jasmine juniper kingdom lantern lettuce mammoth meadows mission mustard network orchard origami
panther parsley peacock pelican pennant pilgrim pumpkin quarter rainbow raccoon saffron sapling sardine satchel
seagull shelter skyline sparrow station sunrise thistle thunder tractor trumpet tsunami unicorn vanilla village
walrus weather whistle wildcat
aardvark airplane aquarium backpack blizzard bluebird boulevard calendar cardinal carousel cinnamon coconut
crescent daybreak dewdrop doorbell dumpling eggplant elephant evergreen fireside flamingo floodlit fountain
gardener hedgehog hillside horseman keyboard kingfish lavender magnolia mandolin marigold meridian mosquito
mushroom notebook nuthatch outpost overcoat pancake panorama pavement peppermint pinecone playground porridge
quilting railroad raindrop redwood riverbed sandbank seashell snowfall spaniel starfish sundial sunflower
tapestry teaspoon thimble tortoise treetop umbrella vineyard waterfall windmill woodland
`.split(/\s+/).filter(Boolean);
